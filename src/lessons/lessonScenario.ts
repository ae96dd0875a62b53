/**
 * The scenario a lesson starts from: its preset's or its own, without timed captions (the
 * lesson's steps do the narrating, and a caption on a timer would not wait for the learner).
 * A preset's scenario must be loaded first (loadPresetScenarios, presetScenarios.ts).
 */
import type { Scenario } from '../engine';
import { presetScenario } from '../scenarios/presets/presetScenarios';
import type { Lesson } from './lessonTypes';

export function lessonScenario(lesson: Lesson): Scenario {
  const scenario = 'preset' in lesson.start ? presetScenario(lesson.start.preset)! : lesson.start.scenario;
  const { notes: _captions, ...rest } = scenario;
  return { ...rest, title: lesson.title };
}
