/**
 * The scenario a lesson starts from: its preset's or its own, without timed captions (the
 * lesson's steps do the narrating, and a caption on a timer would not wait for the learner).
 */
import type { Scenario } from '../engine';
import { findPreset } from '../scenarios/presets';
import type { Lesson } from './lessonTypes';

export function lessonScenario(lesson: Lesson): Scenario {
  const scenario = 'preset' in lesson.start ? findPreset(lesson.start.preset)!.scenario : lesson.start.scenario;
  const { notes: _captions, ...rest } = scenario;
  return { ...rest, title: lesson.title };
}
