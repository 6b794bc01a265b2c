/**
 * The site's navigation (issue 11, following documentation-site conventions such as Starlight's):
 * the sidebar's groups, the reading order behind previous/next links, and which topic a notebook
 * feeds. Every list comes from TOPICS and the notebooks on disk, so a new one appears everywhere.
 */
import { TOPICS, type Topic } from './topics.js';
import { notebookStems } from './notebooks.js';

export interface NavLink {
  href: string;
  label: string;
}
export interface NavGroup {
  label: string;
  links: NavLink[];
  /** shown folded in the sidebar unless the current page is inside */
  folded?: boolean;
}

/** Topics that have an explainer page (a topic whose notebooks have not run yet still has a page). */
export function topicPages(): Topic[] {
  return TOPICS;
}

/** Topics fed by a notebook; empty for notebooks no topic claims yet (e.g. a new report audit). */
export function topicsOfNotebook(stem: string): Topic[] {
  return TOPICS.filter((t) => t.notebooks.includes(stem));
}

export function sidebar(base: string): NavGroup[] {
  return [
    {
      label: 'Start here',
      links: [
        { href: base, label: 'Overview' },
        { href: `${base}ledger/`, label: 'Claims ledger' },
        { href: `${base}search/`, label: 'Search' },
        { href: `${base}live/`, label: 'Watch it spike (live model)' },
      ],
    },
    { label: 'Topics', links: topicPages().map((t) => ({ href: `${base}topics/${t.slug}/`, label: t.title })) },
    { label: 'Notebooks', folded: true, links: notebookStems().map((s) => ({ href: `${base}notebooks/${s}/`, label: s })) },
    { label: 'Results and figures', folded: true, links: notebookStems().map((s) => ({ href: `${base}results/${s}/`, label: s })) },
    { label: 'Reuse', links: [{ href: `${base}reference/`, label: 'Library reference' }] },
  ];
}

/** The reading order: overview, the topics in order, the ledger, the reference; notebooks and results among themselves. */
function sequences(base: string): NavLink[][] {
  const groups = sidebar(base);
  const main = [groups[0]!.links[0]!, ...groups[1]!.links, groups[0]!.links[1]!, groups[4]!.links[0]!];
  return [main, groups[2]!.links, groups[3]!.links];
}

const norm = (p: string): string => p.replace(/\/?$/, '/');

/** Previous and next pages of the page at `pathname`, in its own sequence. */
export function neighbours(base: string, pathname: string): { prev?: NavLink; next?: NavLink } {
  const here = norm(pathname);
  for (const seq of sequences(base)) {
    const i = seq.findIndex((l) => norm(l.href) === here);
    if (i >= 0) return { prev: seq[i - 1], next: seq[i + 1] };
  }
  return {};
}

export function isCurrent(href: string, pathname: string): boolean {
  return norm(href) === norm(pathname);
}
