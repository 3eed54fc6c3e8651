// The charts room's one door: what is checked about Helm charts themselves (values against values.schema.json).
export { validateValues, validateValuesAgainstUrl, type SchemaProblem } from './valuesSchema';
