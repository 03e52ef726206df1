import type { ReactNode } from 'react';
import type { Category } from '../../shared/types';

export function CategoryChip({ category, children }: { category: Category; children?: ReactNode }) {
  return (
    <span
      className="chip"
      style={{ ['--chip' as string]: category.color }}
      title={category.description || undefined}
    >
      <span className="chip-dot" aria-hidden="true" />
      {category.name}
      {children}
    </span>
  );
}
