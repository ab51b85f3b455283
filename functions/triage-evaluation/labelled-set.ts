import type { LabelledEmail } from '#domain/classification/evaluation.ts';
import { parseLabelledMessages } from '#domain/triage/triage-evaluation.ts';
// The tune files only, bundled into the function as text (esbuild's `.jsonl` text loader,
// lib/function-bundling.ts; Vite's `?raw` under test). The held-out files are never read here:
// they judge the engines once, at the end, and a nightly run must not wear them out.
import aRetune from '../../test/fixtures/triage/a-retune.jsonl?raw';
import aTune from '../../test/fixtures/triage/a-tune.jsonl?raw';
import bRetune from '../../test/fixtures/triage/b-retune.jsonl?raw';
import bTune from '../../test/fixtures/triage/b-tune.jsonl?raw';
import cTune from '../../test/fixtures/triage/c-tune.jsonl?raw';
import dTune from '../../test/fixtures/triage/d-tune.jsonl?raw';
import eTune from '../../test/fixtures/triage/e-tune.jsonl?raw';
import fTune from '../../test/fixtures/triage/f-tune.jsonl?raw';
import gTune from '../../test/fixtures/triage/g-tune.jsonl?raw';
import hTune from '../../test/fixtures/triage/h-tune.jsonl?raw';
import iTune from '../../test/fixtures/triage/i-tune.jsonl?raw';
import jTune from '../../test/fixtures/triage/j-tune.jsonl?raw';
import kTune from '../../test/fixtures/triage/k-tune.jsonl?raw';
import lTune from '../../test/fixtures/triage/l-tune.jsonl?raw';
import mTune from '../../test/fixtures/triage/m-tune.jsonl?raw';
import nTune from '../../test/fixtures/triage/n-tune.jsonl?raw';
import oTune from '../../test/fixtures/triage/o-tune.jsonl?raw';
import pTune from '../../test/fixtures/triage/p-tune.jsonl?raw';
import qTune from '../../test/fixtures/triage/q-tune.jsonl?raw';
import rTune from '../../test/fixtures/triage/r-tune.jsonl?raw';
import sTune from '../../test/fixtures/triage/s-tune.jsonl?raw';
import tTune from '../../test/fixtures/triage/t-tune.jsonl?raw';
import uTune from '../../test/fixtures/triage/u-tune.jsonl?raw';
import vTune from '../../test/fixtures/triage/v-tune.jsonl?raw';
import wTune from '../../test/fixtures/triage/w-tune.jsonl?raw';
import xTune from '../../test/fixtures/triage/x-tune.jsonl?raw';

/**
 * The labelled set the nightly evaluation triages: every tuning file of test/support/labelled-sets.ts,
 * in its order (test/infra/triage-evaluation.test.ts fails when one is added and not imported here).
 */
export const NIGHTLY_LABELLED_SET: readonly LabelledEmail[] = [
  aTune,
  aRetune,
  bTune,
  bRetune,
  cTune,
  dTune,
  eTune,
  fTune,
  gTune,
  hTune,
  iTune,
  jTune,
  kTune,
  lTune,
  mTune,
  nTune,
  oTune,
  pTune,
  qTune,
  rTune,
  sTune,
  tTune,
  uTune,
  vTune,
  wTune,
  xTune,
].flatMap((jsonl) => parseLabelledMessages(jsonl));
