/** The All annotations view: what the rest of the app needs from this folder. */
export { AllAnnotationsView, type AllAnnotationsViewProps } from './AllAnnotationsView';
export type { CategoryMatch } from './category-match';
export { fromStatisticsFilter, type StatisticsSelection } from './from-statistics';
export type { AnnotationFilter } from './table-model';
