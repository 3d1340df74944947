import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { loadContentDir } from '../content/read-content-dir.ts';
import { hasErrors } from '../findings.ts';
import type { Disclosure } from '../disclosure/model.ts';
import { routes } from '../site/routes.ts';
import { buildTables } from '../templates/build-tables.ts';
import { dataPackage, openDataFiles } from './datapackage.ts';

/**
 * The essential rules of the Frictionless Data Package spec (v1: Data Package, Data Resource,
 * Tabular Data Resource, Table Schema), written out here so the test needs no network.
 * Returns what is wrong, empty when the descriptor is valid.
 */
function dataPackageErrors(descriptor: unknown): string[] {
  const errors: string[] = [];
  const NAME = /^[a-z0-9._-]+$/;
  const FIELD_TYPES = [
    'string',
    'number',
    'integer',
    'boolean',
    'object',
    'array',
    'date',
    'time',
    'datetime',
    'year',
    'yearmonth',
    'duration',
    'geopoint',
    'geojson',
    'any',
  ];
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  const optionalString = (o: Record<string, unknown>, key: string, where: string) => {
    if (key in o && typeof o[key] !== 'string') errors.push(`${where}.${key} must be a string`);
  };
  if (!isObject(descriptor)) return ['descriptor must be a JSON object'];
  if ('profile' in descriptor && !['data-package', 'tabular-data-package'].includes(descriptor['profile'] as string))
    errors.push('profile must be data-package or tabular-data-package');
  if ('name' in descriptor && !(typeof descriptor['name'] === 'string' && NAME.test(descriptor['name']))) errors.push('name must match ^[a-z0-9._-]+$');
  for (const key of ['title', 'description']) optionalString(descriptor, key, 'package');
  const resources = descriptor['resources'];
  if (!Array.isArray(resources) || resources.length === 0) return [...errors, 'resources must be a non-empty array'];
  const names = new Set<string>();
  resources.forEach((resource: unknown, i) => {
    const where = `resources[${i}]`;
    if (!isObject(resource)) {
      errors.push(`${where} must be an object`);
      return;
    }
    const name = resource['name'];
    if (typeof name !== 'string' || !NAME.test(name)) errors.push(`${where}.name must match ^[a-z0-9._-]+$`);
    else if (names.has(name)) errors.push(`${where}.name ${name} is not unique`);
    else names.add(name);
    const paths = Array.isArray(resource['path']) ? resource['path'] : [resource['path']];
    if (paths.length === 0) errors.push(`${where}.path is empty`);
    for (const path of paths) {
      if (typeof path !== 'string' || path === '') errors.push(`${where}.path must be a non-empty string`);
      else if (path.startsWith('/') || path.split('/').includes('..') || /^[a-z]+:/i.test(path) || path.includes('\\'))
        errors.push(`${where}.path ${path} must be a relative POSIX path without ..`);
    }
    for (const key of ['title', 'description', 'format', 'encoding', 'mediatype', 'profile']) optionalString(resource, key, where);
    if (typeof resource['mediatype'] === 'string' && !/^.+\/.+$/.test(resource['mediatype'])) errors.push(`${where}.mediatype must look like type/subtype`);
    const dialect = resource['dialect'];
    if (dialect !== undefined) {
      if (!isObject(dialect)) errors.push(`${where}.dialect must be an object`);
      else {
        if ('delimiter' in dialect && !(typeof dialect['delimiter'] === 'string' && dialect['delimiter'].length === 1))
          errors.push(`${where}.dialect.delimiter must be one character`);
        if ('header' in dialect && typeof dialect['header'] !== 'boolean') errors.push(`${where}.dialect.header must be a boolean`);
      }
    }
    const schema = resource['schema'];
    if (resource['profile'] === 'tabular-data-resource' && !isObject(schema)) errors.push(`${where}.schema is required for a tabular data resource`);
    if (schema === undefined) return;
    if (!isObject(schema) || !Array.isArray(schema['fields']) || schema['fields'].length === 0) {
      errors.push(`${where}.schema.fields must be a non-empty array`);
      return;
    }
    if ('missingValues' in schema && !(Array.isArray(schema['missingValues']) && schema['missingValues'].every((v) => typeof v === 'string')))
      errors.push(`${where}.schema.missingValues must be an array of strings`);
    const fieldNames = new Set<string>();
    schema['fields'].forEach((field: unknown, j) => {
      const at = `${where}.schema.fields[${j}]`;
      if (!isObject(field)) {
        errors.push(`${at} must be an object`);
        return;
      }
      if (typeof field['name'] !== 'string' || field['name'] === '') errors.push(`${at}.name must be a non-empty string`);
      else if (fieldNames.has(field['name'])) errors.push(`${at}.name ${field['name']} is not unique`);
      else fieldNames.add(field['name']);
      if ('type' in field && !FIELD_TYPES.includes(field['type'] as string)) errors.push(`${at}.type ${String(field['type'])} is not a Table Schema type`);
      for (const key of ['title', 'description', 'format']) optionalString(field, key, at);
    });
  });
  return errors;
}

/** Whether a CSV value parses as its declared Table Schema type (default formats); '' is the missing value. */
function parsesAs(type: string, value: string): boolean {
  if (value === '') return true;
  switch (type) {
    case 'integer':
      return /^[+-]?\d+$/.test(value);
    case 'number':
      return /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(value);
    case 'boolean':
      return ['true', 'True', 'TRUE', '1', 'false', 'False', 'FALSE', '0'].includes(value);
    case 'string':
      return true;
    default:
      return false;
  }
}

function loadAll(dir: string): readonly Disclosure[] {
  const result = loadContentDir(dir);
  expect(hasErrors(result.findings)).toBe(false);
  return result.disclosures;
}

const disclosures = [...loadAll('content'), ...loadAll('tests/fixtures/synthetic-injection')];
const years = [...new Set(disclosures.map((d) => d.year))].sort((a, b) => a - b);
const files = openDataFiles(disclosures, buildTables);
const published = new Set(files.map((f) => f.path));
const packageFile = files.find((f) => f.path === routes.dataPackage());
const descriptor: unknown = JSON.parse(packageFile?.text ?? 'null');
const packageDir = routes.dataPackage().replace(/[^/]*$/, '');

describe('datapackage.json', () => {
  it('is valid against the Data Package rules', () => {
    expect(dataPackageErrors(descriptor)).toEqual([]);
  });

  it('is what dataPackage() describes, for the years of the content and the files that have rows', () => {
    expect(descriptor).toEqual(JSON.parse(JSON.stringify(dataPackage(years, published))));
  });

  it('lists no file without rows: a year whose disclosures are performance forms only has no ledger file', () => {
    const formsOnlyYears = years.filter((year) => disclosures.filter((d) => d.year === year).every((d) => d.ledger.length === 0 && d.coarseFacts === null));
    expect(formsOnlyYears.length).toBeGreaterThan(0);
    for (const year of formsOnlyYears) expect(published.has(routes.ledgerCsvForYear(year)), String(year)).toBe(false);
    for (const year of years.filter((y) => !formsOnlyYears.includes(y))) expect(published.has(routes.ledgerCsvForYear(year)), String(year)).toBe(true);
  });

  /** The descriptor as a test spoils it: loosely typed on purpose, each case breaks one rule. */
  interface Spoilable {
    resources: { name: string; path: string; schema?: { fields: { type: string }[] } }[];
  }
  it.each([
    ['a resource name with capitals and spaces', (p: Spoilable) => (p.resources[0]!.name = 'Ledger 2024')],
    ['two resources with one name', (p: Spoilable) => (p.resources[1]!.name = p.resources[0]!.name)],
    ['an absolute path', (p: Spoilable) => (p.resources[0]!.path = '/data/ledger.csv')],
    ['a path leaving the package', (p: Spoilable) => (p.resources[0]!.path = '../ledger.csv')],
    ['a field type outside Table Schema', (p: Spoilable) => (p.resources[0]!.schema!.fields[0]!.type = 'decimal')],
    ['a tabular resource without schema', (p: Spoilable) => delete p.resources[0]!.schema],
    ['no resources', (p: Spoilable) => (p.resources = [])],
  ])('is rejected by the rules when it has %s', (_what, spoil) => {
    const spoiled = JSON.parse(packageFile?.text ?? 'null');
    spoil(spoiled);
    expect(dataPackageErrors(spoiled)).not.toEqual([]);
  });

  it('lists every open-data CSV and JSON file, and every resource it lists exists', () => {
    const pkg = dataPackage(years, published);
    const listed = pkg.resources.map((r) => packageDir + r.path).sort();
    const dataFiles = files
      .filter((f) => f.path !== routes.dataPackage())
      .map((f) => f.path)
      .sort();
    expect(listed).toEqual(dataFiles);
  });

  it.each(
    dataPackage(years, published)
      .resources.filter((r) => r.format === 'csv')
      .map((r) => [r.name, r] as const),
  )('resource %s: header row is the field names and every value parses as its declared type', (_name, resource) => {
    const text = files.find((f) => f.path === packageDir + resource.path)?.text;
    if (text === undefined) throw new Error(`${resource.path} does not exist`);
    expect(text.startsWith('\uFEFF')).toBe(false);
    const [header, ...rows] = parse(text) as string[][];
    const fields = resource.schema.fields;
    expect(header).toEqual(fields.map((f) => f.name));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row).toHaveLength(fields.length);
      fields.forEach((field, i) => {
        expect(parsesAs(field.type, row[i] ?? ''), `${resource.name}.${field.name} = ${JSON.stringify(row[i])} as ${field.type}`).toBe(true);
      });
    }
  });

  it('describes every field in Chinese and in English', () => {
    for (const resource of dataPackage(years, published).resources) {
      for (const field of resource.schema.fields) {
        expect(field.description, `${resource.name}.${field.name}`).toMatch(/[\u4e00-\u9fff]/);
        expect(field.description, `${resource.name}.${field.name}`).toMatch(/[A-Za-z]{3,}/);
      }
    }
  });

  it('declares every code column as a string, so leading zeros survive typed readers', () => {
    for (const resource of dataPackage(years, published).resources) {
      for (const field of resource.schema.fields.filter((f) => /Code$/.test(f.name))) expect(field.type, `${resource.name}.${field.name}`).toBe('string');
    }
  });
});
