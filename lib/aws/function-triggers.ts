import { Duration } from 'aws-cdk-lib';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { AictiveFunction } from './aictive-function.ts';
import type { PlatformResources } from './platform-resources.ts';

/** Connects a function to what invokes it besides HTTP: its queue and its schedule (routes live in api.ts). */
export function connectTriggers(fn: AictiveFunction, resources: PlatformResources): void {
  const { consumes, schedule } = fn.spec;
  if (consumes) {
    fn.addEventSource(
      new SqsEventSource(resources.queues[consumes.queue].queue, {
        batchSize: consumes.batchSize,
        maxBatchingWindow: Duration.seconds(consumes.maxBatchingWindowSeconds),
        maxConcurrency: consumes.maxConcurrency,
        // A failed message is retried alone; its batch-mates are not re-processed.
        reportBatchItemFailures: true,
      }),
    );
  }
  if (schedule) {
    new Rule(fn, 'Schedule', {
      description: `Runs ${fn.spec.name} every ${schedule.everyMinutes} minute(s)`,
      schedule: Schedule.rate(Duration.minutes(schedule.everyMinutes)),
      targets: [new LambdaFunction(fn)],
    });
  }
}
