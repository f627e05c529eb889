export * from './finding.js';
export * from './report.js';
export * from './rule.js';
export type { OtherPlaces, PlacesWording, RelatedPlace } from './other-places.js';
