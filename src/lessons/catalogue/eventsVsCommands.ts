import type { Lesson } from '../lessonTypes';
import { lessonMeta } from './lessonIndex';

/** Lesson 1: a command asks one owner and may be refused; an event is a fact every subscriber reads. */
export const eventsVsCommands: Lesson = {
  format: 'logscope-lesson',
  version: 1,
  ...lessonMeta('events-vs-commands'),
  speed: 0.75,
  start: {
    scenario: {
      format: 'logscope-scenario',
      version: 1,
      title: 'PlaceOrder commands, OrderPlaced events',
      seed: 9,
      topics: [{ name: 'orders', partitions: 3, config: { 'retention.ms': 600_000, 'segment.ms': 60_000 } }],
      producers: [
        { id: 'web', command: 'PlaceOrder', to: 'checkout', ratePerSec: 2, keys: { kind: 'sequence', prefix: 'order-' } },
        {
          id: 'kiosk',
          command: 'PlaceOrder',
          to: 'checkout',
          ratePerSec: 0,
          keys: { kind: 'sequence', prefix: 'kiosk-order-' },
          invalidRatio: 0.2,
        },
      ],
      services: [
        { id: 'checkout', subscribe: [], handler: 'acceptOrder', emitTo: 'orders', processingMs: 0 },
        { id: 'inventory', subscribe: ['orders'], handler: 'reserveStock', config: { 'auto.offset.reset': 'earliest' } },
        { id: 'billing', subscribe: ['orders'], handler: 'chargePayment', config: { 'auto.offset.reset': 'earliest' } },
        { id: 'email', subscribe: ['orders'], handler: 'sendReceipt', processingMs: 20, config: { 'auto.offset.reset': 'earliest' } },
      ],
    },
  },
  teacherNotes: [
    'Expect "10 records, all services see all commands": many students picture one message bus where everything is broadcast. Ask: who can say no to a PlaceOrder?',
    'Option C (10 records, 2 marked failed) is a subtler trap: a refused command placed no order, so there is no fact to record. The refusal goes back to the sender (here, the event list), not to the subscribers.',
    'Naming helps: commands are imperative (PlaceOrder), events are past tense (OrderPlaced). A command has one owner; an event has any number of readers, which the writer does not know.',
    'The kiosk\'s catalogue is out of date: about one command in five asks for an item checkout does not sell or a quantity of 0. web\'s commands are always valid, so every refusal in this run comes from the kiosk.',
    'Discussion: billing wants to refuse an order whose card is declined. Can it "reject" OrderPlaced? (No: the order was placed. It emits a new event, such as PaymentFailed, and others react to that.)',
  ],
  steps: [
    {
      kind: 'observe',
      text: 'Press Play. web sends PlaceOrder commands to checkout. checkout checks each one and, if it can take the order, appends an OrderPlaced event to orders. inventory, billing and email each read orders.',
      highlight: ['web', 'checkout', 'orders', 'inventory', 'billing', 'email'],
      until: {
        all: [
          { elapsedMs: 8000 },
          { compare: { path: 'stats.email.uniqueProcessed' }, op: '>=', to: 5 },
        ],
      },
      withinMs: 20_000,
      hint: 'Press Play (or Space). The step goes on by itself after eight seconds of the run.',
    },
    {
      kind: 'predict',
      id: 'kiosk-commands',
      text: 'The kiosk sends 10 PlaceOrder commands to checkout; 2 of them ask for an item checkout does not sell. How many new records appear in orders, and which services see the commands?',
      highlight: ['kiosk', 'checkout', 'orders'],
      options: [
        {
          id: 'all-everywhere',
          text: '10 records, and every service sees all 10 commands',
          correct: false,
          why: 'A command is not broadcast. It goes to the one service that owns it, checkout, which decides. Only what checkout accepts becomes an event in the log.',
        },
        {
          id: 'eight-events',
          text: '8 OrderPlaced events; only checkout sees the commands',
          correct: true,
          why: 'Right: checkout refuses the 2 invalid commands and turns the 8 others into OrderPlaced facts, which every subscriber then reads.',
        },
        {
          id: 'marked-failed',
          text: '10 records, with the 2 refused ones marked as failed',
          correct: false,
          why: 'A refused command placed no order, so there is no fact to record. The refusal goes back to the sender; the log only holds what did happen.',
        },
        {
          id: 'wait-for-all',
          text: 'None, until inventory, billing and email have all accepted them',
          correct: false,
          why: 'Subscribers do not vote. checkout alone owns PlaceOrder; inventory, billing and email learn about an order only after it was placed.',
        },
      ],
    },
    {
      kind: 'act',
      text: 'Send a batch of PlaceOrder commands from the kiosk that includes at least one checkout will refuse. (The kiosk\'s catalogue is out of date: some of its orders ask for items checkout does not sell.)',
      highlight: ['kiosk', 'checkout'],
      tab: 'events',
      goal: { event: 'command.rejected', where: { service: 'checkout' } },
      reference: [{ type: 'burst', producer: 'kiosk', count: 10 }],
    },
    {
      kind: 'observe',
      text: 'Watch the event list and the orders topic: the refused commands leave no record; each accepted order reaches all three services.',
      highlight: ['checkout', 'orders', 'inventory', 'billing', 'email'],
      tab: 'events',
      until: {
        all: [
          { elapsedMs: 4000 },
          { compare: { path: 'stats.inventory.uniqueProcessed' }, op: '=', to: { path: 'topics.orders.partitions.*.logEndOffset' } },
          { compare: { path: 'stats.billing.uniqueProcessed' }, op: '=', to: { path: 'topics.orders.partitions.*.logEndOffset' } },
          { compare: { path: 'stats.email.uniqueProcessed' }, op: '=', to: { path: 'topics.orders.partitions.*.logEndOffset' } },
        ],
      },
      withinMs: 20_000,
      hint: 'Press Play if the clock is paused. The step waits until inventory, billing and email have each read every OrderPlaced event.',
    },
    {
      kind: 'explain',
      prediction: 'kiosk-commands',
      text: 'Your prediction beside the run (web\'s orders are counted in the log too). Every refused command came from the kiosk, and none of them reached the log.',
      measured: [
        { label: 'PlaceOrder commands the kiosk sent', value: { path: 'producers.kiosk.sent' } },
        { label: 'commands checkout refused', value: { path: 'commands.checkout.rejected' } },
        { label: 'OrderPlaced events in orders', value: { path: 'topics.orders.partitions.*.logEndOffset' } },
        { label: 'services that received commands', value: { path: 'commands.*.sent', of: 'count' } },
        { label: 'events inventory has processed', value: { path: 'stats.inventory.uniqueProcessed' } },
        { label: 'events email has processed', value: { path: 'stats.email.uniqueProcessed' } },
      ],
    },
    {
      kind: 'check',
      text: 'Check: checkout refused at least one command, orders holds exactly the accepted ones, each subscriber read every one of them, and only checkout received commands.',
      highlight: ['checkout', 'orders'],
      goal: {
        all: [
          { compare: { path: 'commands.checkout.rejected' }, op: '>=', to: 1 },
          { compare: { path: 'topics.orders.partitions.*.logEndOffset' }, op: '=', to: { path: 'commands.checkout.accepted' } },
          { compare: { path: 'stats.inventory.uniqueProcessed' }, op: '=', to: { path: 'commands.checkout.accepted' } },
          { compare: { path: 'stats.billing.uniqueProcessed' }, op: '=', to: { path: 'commands.checkout.accepted' } },
          { compare: { path: 'stats.email.uniqueProcessed' }, op: '=', to: { path: 'commands.checkout.accepted' } },
          { compare: { path: 'commands.*.sent', of: 'count' }, op: '=', to: 1 },
        ],
      },
      notYet: 'Not yet: checkout has not refused any command. Send a batch from the kiosk (some of its commands are invalid) and let the clock run until every service has read the accepted orders.',
    },
    {
      kind: 'free',
      text: 'Explore from here: crash checkout-0 and send more commands (nobody owns them now), or crash email and see that commands and other services are not affected.',
      highlight: ['checkout-0', 'kiosk'],
    },
  ],
};
