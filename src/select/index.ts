export { prepareSelection, ALL_SECTIONS, type DumpSection, type SelectionRequest, type PatternLists } from './request.js';
export { resolveSelection, RelationSet, type Selection } from './resolve.js';
export { selectObjects } from './objects.js';
export { keepsPart, type PlannedPart } from './components.js';
export { patternToRegex, parsePattern, type NamePattern, type PatternKind } from './patterns.js';
export { parseFilterFile, readFilterFile, type FilterItem, type FilterObjectType } from './filter-file.js';
export { tableLockWanted } from './locks.js';
