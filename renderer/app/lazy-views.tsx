/**
 * The views a start does not show (All annotations, Statistics, Agreement),
 * loaded apart from the start bundle: with their exporters and CSV parser
 * they were a tenth of it, compiled before the library could show. They are
 * fetched once the first document is open (preloadViews), so a first click
 * on one does not wait for its code either.
 */
import { lazy } from 'react';

const allAnnotations = () => import('../all-annotations/AllAnnotationsView');
const statistics = () => import('../stats/StatisticsView');
const agreement = () => import('../agreement/AgreementView');

export const AllAnnotationsView = lazy(() =>
  allAnnotations().then((m) => ({ default: m.AllAnnotationsView })),
);
export const StatisticsView = lazy(() => statistics().then((m) => ({ default: m.StatisticsView })));
export const AgreementView = lazy(() => agreement().then((m) => ({ default: m.AgreementView })));

export function preloadViews(): void {
  // A failed fetch is tried again, and reported, when the view is chosen.
  for (const load of [allAnnotations, statistics, agreement]) void load().catch(() => {});
}
