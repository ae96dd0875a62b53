/**
 * Colour profiles: every colour token of the two looks, in one place, and the switch between
 * them.
 *
 * - `default`: the everyday look. styles.css sets its CSS custom properties on `:root`; the
 *   values here mirror them.
 * - `projector`: for a classroom projector, whose washed-out image loses pale colours and thin
 *   lines. White background everywhere, strong colours, outlines at least 2 px; every mark,
 *   outline and control boundary at least 3:1 against its background and every text at least
 *   4.5:1 (WCAG 2.2, 1.4.11 and 1.4.3). projector.css sets these tokens, under
 *   `:root[data-profile="projector"]`.
 *
 * Vitest loads CSS files as empty modules, so the CSS copies of these values are not checked
 * by a unit test: a change here is made in the CSS file too.
 *
 * The profile is chosen by the `data-profile` attribute of the document element
 * (`<html data-profile="projector">`); no attribute, or any other value, is the default profile.
 * `applyColourProfile` sets it; the profile is a view concern and never reaches the run, the
 * address or a saved file.
 *
 * Service colours are the same in both profiles (palette.ts): a service keeps its colour when a
 * teacher switches to the projector.
 */
import type { InstanceView } from '../engine';
import './projector.css';

export type ColourProfileName = 'default' | 'projector';
type Status = InstanceView['status'];

export interface ColourProfile {
  /**
   * Surfaces. `page`: the pipeline, lanes, group cards and charts, the only surface service
   * colours and record marks are drawn on. `panel`: toolbar, inspector, tab bars and topic nodes.
   * `readModel`: the read-model nodes.
   */
  backgrounds: { page: string; panel: string; readModel: string };
  /** Instance rows' fills by status: the backgrounds of the status glyphs in the pipeline. */
  statusRows: Record<Status, string>;
  /** Text: at least 4.5:1 on every background. */
  text: { ink: string; muted: string; nodeText: string; accent: string; danger: string };
  /** Marks and outlines: at least 3:1 on every background. */
  marks: { outline: string; edge: string; ink: string };
  /** Status glyphs beside the status word (●, ❚❚, ✕, ■): marks, at least 3:1 on every background and on their row. */
  status: Record<Status, string>;
  /**
   * Lines between regions (`--line`) and the focus ring (`--focus`). The default profile keeps
   * them light (a separator is never a control's only boundary; the orange ring is the look
   * users know); the projector profile needs them at 3:1 like every other boundary.
   */
  boundaries: { line: string; focus: string };
  /** Width of the diagram's outlines (nodes, rows, edges), px. */
  outlineWidthPx: number;
}

export const COLOUR_PROFILES: Readonly<Record<ColourProfileName, ColourProfile>> = {
  default: {
    backgrounds: { page: '#ffffff', panel: '#f4f6f8', readModel: '#fbfaf2' },
    statusRows: { running: '#ffffff', hung: '#fdf0d5', crashed: '#fbe3d6', stopped: '#eceef1' },
    text: { ink: '#1b1f24', muted: '#4d5661', nodeText: '#333a42', accent: '#0072b2', danger: '#b3261e' },
    marks: { outline: '#6d7782', edge: '#5b6470', ink: '#1b1f24' },
    // Okabe–Ito hues; hung is the darker amber of the same hue, since #E69F00 is 2.2:1 on white.
    status: { running: '#009E73', hung: '#9A6300', crashed: '#D55E00', stopped: '#5b6470' },
    boundaries: { line: '#c9d0d8', focus: '#e69f00' },
    outlineWidthPx: 1.5,
  },
  projector: {
    backgrounds: { page: '#ffffff', panel: '#ffffff', readModel: '#ffffff' },
    statusRows: { running: '#ffffff', hung: '#fdf0d5', crashed: '#fbe3d6', stopped: '#eceef1' },
    text: { ink: '#1b1f24', muted: '#3b4249', nodeText: '#1b1f24', accent: '#0072b2', danger: '#b3261e' },
    marks: { outline: '#6d7782', edge: '#5b6470', ink: '#1b1f24' },
    // Darker shades of the same Okabe–Ito hues: glyphs are small, so they get text contrast.
    status: { running: '#007857', hung: '#9A6300', crashed: '#A84900', stopped: '#3b4249' },
    boundaries: { line: '#6d7782', focus: '#9A6300' },
    outlineWidthPx: 2,
  },
};

/** The CSS custom properties a profile sets, by name: styles.css (default) and projector.css read them. */
export function cssVariables(profile: ColourProfile): Record<string, string> {
  return {
    '--ink': profile.text.ink,
    '--muted': profile.text.muted,
    '--paper': profile.backgrounds.page,
    '--panel': profile.backgrounds.panel,
    '--line': profile.boundaries.line,
    '--accent': profile.text.accent,
    '--danger': profile.text.danger,
    '--focus': profile.boundaries.focus,
    '--node-text': profile.text.nodeText,
    '--outline': profile.marks.outline,
    '--outline-width': `${profile.outlineWidthPx}px`,
    '--edge': profile.marks.edge,
    '--status-running': profile.status.running,
    '--status-hung': profile.status.hung,
    '--status-crashed': profile.status.crashed,
    '--status-stopped': profile.status.stopped,
  };
}

/**
 * A status glyph's colour: the profile's, through its custom property, with the default
 * profile's value as the fallback (styles.css does not define the status properties).
 */
export function statusColour(status: Status): string {
  return `var(--status-${status}, ${COLOUR_PROFILES.default.status[status]})`;
}

/**
 * Switches the page's colour profile: sets `data-profile` on the document element, which
 * projector.css keys on. `root` is for tests; the page passes nothing.
 */
export function applyColourProfile(profile: ColourProfileName, root: { dataset: DOMStringMap } = document.documentElement): void {
  root.dataset['profile'] = profile;
}
