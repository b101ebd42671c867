// The Custom Elements Manifest (dist/custom-elements.json) is generated from the element's source
// and its JSDoc (@element, @attr, @fires, @csspart, @cssprop) by @custom-elements-manifest/analyzer;
// scripts/build-types.mjs runs it. package.json's "customElements" field points at the result.
export default {
  globs: ['www/cost-estimator.js', 'www/cost-estimator/element.js', 'www/cost-estimator/types.js', 'www/cost-census.js', 'www/cost-estimator/census/element.js'],
  outdir: 'target/manifest',
  litelement: true,
  packagejson: false,
  quiet: true,
};
