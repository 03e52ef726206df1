/**
 * The views a start does not show (All annotations, Statistics, Agreement),
 * loaded when first chosen: with their exporters and CSV parser they were a
 * tenth of the start bundle, compiled before the library could show.
 */
import { lazy } from 'react';

export const AllAnnotationsView = lazy(() =>
  import('../all-annotations/AllAnnotationsView').then((m) => ({ default: m.AllAnnotationsView })),
);
export const StatisticsView = lazy(() =>
  import('../stats/StatisticsView').then((m) => ({ default: m.StatisticsView })),
);
export const AgreementView = lazy(() =>
  import('../agreement/AgreementView').then((m) => ({ default: m.AgreementView })),
);
