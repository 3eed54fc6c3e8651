// The charts room's one door: what is checked about Helm charts themselves (values against
// values.schema.json), files read out of chart archives, and values merged as the App platform merges them.
export { validateValues, validateValuesAgainstUrl, type SchemaProblem } from './valuesSchema';
export { fileFromChartArchive } from './archive';
export { helmMerge, mergoOverride, valuesSources, type Values, type ValuesSource } from './values';
