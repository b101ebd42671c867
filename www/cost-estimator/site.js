// Where the element's files are (pkg/, data/, document.html): beside the entry script,
// cost-estimator.js, which says so with setSiteRoot() before it defines the element. The build
// bundles every module into that one file, so a module's own import.meta.url cannot be used.
let root = new URL('../', import.meta.url); // unbundled: this folder's parent holds the entry

export function setSiteRoot(url) {
  root = new URL(url);
}

/** The URL of a file of the site, such as `pkg/costshare_bg.wasm`. */
export function siteUrl(path) {
  return new URL(path, root);
}
