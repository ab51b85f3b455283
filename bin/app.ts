// The CDK app: `npx cdk synth -c stage=prod [-c alarmEmail=ops@example.com] [-c allowedOrigins=https://app.example.com]`.
import { App } from 'aws-cdk-lib';
import { addAictiveStacks } from '#lib/aws/aictive-app.ts';

const app = new App();
addAictiveStacks(app);
app.synth();
