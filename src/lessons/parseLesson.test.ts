/**
 * Bad lesson files are refused like bad scenarios: the field path, the value and the rule,
 * never an exception; a good one round-trips through JSON.
 */
import { describe, expect, it } from 'vitest';
import { findLesson } from './catalogue';
import { parseLesson, parseLessonJson } from './parseLesson';

/** A lesson as a file holds it: plain JSON, edited freely by the tests. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests break a file's JSON on purpose
const good = () => JSON.parse(JSON.stringify(findLesson('pub-sub-fan-out'))) as Record<string, any>;

function errorsOf(input: unknown): string[] {
  const result = parseLesson(input);
  return result.ok ? [] : result.errors.map((e) => `${e.path}: ${e.message}`);
}

describe('parseLesson', () => {
  it('accepts a catalogue lesson written as JSON text', () => {
    const result = parseLessonJson(JSON.stringify(findLesson('rebalancing')));
    expect(result.ok).toBe(true);
  });

  it('names the format or version it cannot read', () => {
    expect(errorsOf({ ...good(), format: 'logscope-scenario' })).toEqual(['format: format is "logscope-scenario"; it must be "logscope-lesson"']);
    expect(errorsOf({ ...good(), version: 2 })[0]).toMatch(/^version: version is 2; it must be 1/);
  });

  it('names the field of a bad step, condition, operator, event code or command', () => {
    const lesson = good();
    lesson.steps[2].kind = 'quiz';
    expect(errorsOf(lesson)[0]).toMatch(/^steps\[2\]\.kind: kind is "quiz"; it must be one of "predict", "act"/);

    const badOp = good();
    badOp.steps[2].goal.op = '=>';
    expect(errorsOf(badOp)[0]).toMatch(/^steps\[2\]\.goal\.op: op is "=>"; it must be one of "="/);

    const badCode = good();
    badCode.steps[5].goal = { event: 'member.exploded' };
    expect(errorsOf(badCode)[0]).toMatch(/^steps\[5\]\.goal\.event: event is "member\.exploded"; it must be one of "command\.rejected"/);

    const badCommand = good();
    badCommand.steps[2].reference = [{ type: 'crash', target: 'nobody' }];
    expect(errorsOf(badCommand)[0]).toMatch(/^steps\[2\]\.reference\[0\]\.target/);

    const deep = good();
    let condition: unknown = { elapsedMs: 1 };
    for (let i = 0; i < 10; i++) condition = { not: condition };
    deep.steps[5].goal = condition;
    expect(errorsOf(deep)[0]).toMatch(/conditions nest at most 6 deep/);
  });

  it('refuses an explain step naming no earlier prediction, and a lesson not ending free', () => {
    const lesson = good();
    lesson.steps[4].prediction = 'later';
    expect(errorsOf(lesson)[0]).toMatch(/^steps\[4\]\.prediction: prediction is "later"; it must be the id of an earlier predict step/);
    const unfinished = good();
    unfinished.steps.pop();
    expect(errorsOf(unfinished)[0]).toMatch(/the last step must be "free"/);
  });

  it('refuses an unknown preset and passes an inline scenario through the scenario validator', () => {
    expect(errorsOf({ ...good(), start: { preset: 'nope' } })[0]).toMatch(/^start\.preset: start\.preset is "nope"/);
    const inline = { ...good(), start: { scenario: { format: 'logscope-scenario', version: 1, topics: [] } } };
    expect(errorsOf(inline).some((e) => e.startsWith('start.scenario'))).toBe(true);
  });

  it('never throws: hostile and odd inputs give errors', () => {
    for (const input of [null, 42, 'lesson', [], { __proto__: { x: 1 } }, { format: 'logscope-lesson', version: 1, steps: 'x' }]) {
      const result = parseLesson(input);
      expect(result.ok).toBe(false);
    }
    expect(parseLessonJson('{not json').ok).toBe(false);
    expect(parseLessonJson('x'.repeat(70_000)).ok).toBe(false);
    const forbidden = parseLesson(JSON.parse('{"__proto__": {"polluted": true}, "format": "logscope-lesson"}'));
    expect(forbidden.ok).toBe(false);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
