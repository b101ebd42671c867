// A synthetic group census in the CLI's CSV format (docs/domain.md, "The group census"): `households`
// households H1…Hn, each a subscriber, every third with a spouse, every fourth with a child,
// across the usage presets. The bench and the browser test of a large census price the same file.
const USAGES = ['low', 'medium', 'high', 'having_a_baby', 'none'];

/** The census as CSV text (header and one row per person). */
export function syntheticCensus(households) {
  const lines = ['household,relationship,age,usage'];
  for (let h = 1; h <= households; h++) {
    lines.push(`H${h},subscriber,${25 + (h % 40)},${USAGES[h % 5]}`);
    if (h % 3 === 0) lines.push(`H${h},spouse,${24 + (h % 38)},low`);
    if (h % 4 === 0) lines.push(`H${h},child,${h % 18},low`);
  }
  return `${lines.join('\n')}\n`;
}
