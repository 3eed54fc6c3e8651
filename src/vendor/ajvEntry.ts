// The ajv classes in one module: the build bundles this file as the vendor-ajv.cjs asset (src/vendor).
export { default as Ajv } from 'ajv';
export { default as Ajv2019 } from 'ajv/dist/2019';
export { default as Ajv2020 } from 'ajv/dist/2020';
