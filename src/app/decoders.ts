/**
 * Everything that reads input the user or a link brings: `#s=`/`?scenario=`/`#c=` links, saved
 * runs, scenario and lesson files, the test API's scenarios and commands. It carries zod and the
 * scenario schemas, which the default run does not need, so the page loads it on demand
 * (loadDecoders.ts) and not at start.
 */
export { decodeLocation } from '../share/decodeLocation';
export { decodeRunLink } from '../share/runLink';
export { decodeScenarioText } from '../share/scenarioFile';
export { decodeComparisonLink } from '../share/comparisonLink';
export { formatScenarioErrors, parseScenario } from '../scenarios/parseScenario';
export { parseCommand } from '../scenarios/parseCommand';
export { isLessonText, parseLessonJson } from '../lessons/parseLesson';
