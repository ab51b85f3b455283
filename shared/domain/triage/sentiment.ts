import type { Sentiment } from '#vocabulary/triage.ts';
import { cues } from '../classification/cue.ts';
import { normalise } from '../classification/normalise.ts';
import { near, phrasesFound } from './phrases.ts';

/**
 * How the sender feels, from what they say about themselves: distressed (afraid, panicking, a
 * child or elder in danger, begging for help), negative (angry, let down), positive (glad, grateful beyond a
 * sign-off) or neutral. Over `normalise`d text, English and Spanish.
 */

/** Fear and danger in the sender's own words. */
const DISTRESS = cues(2, [
  'scared',
  'terrified',
  'afraid',
  'frightened',
  'panic\\w*',
  'freaking out',
  // "please help me understand the charge" is a question, not a plea.
  'please help(?! (me |us )?(understand|figure|with|find|get|know|out|clarify|explain))( me| us)?',
  'somebody help',
  'someone help',
  'desperate',
  'dont feel safe',
  'do not feel safe',
  'not safe',
  'unsafe',
  'cant breathe',
  'can not breathe',
  'cannot breathe',
  'in danger',
  'life threatening',
  'going to die',
  'hurt myself',
  'kill myself',
  'end my life',
  'tengo miedo',
  'tenemos miedo',
  'asustad[oa]s?',
  'auxilio',
  'ayudenos',
  'ayuda por favor',
  'por favor ayud\\w+',
  'desesperad[oa]s?',
  'no me siento segur[oa]',
  'no nos sentimos seguros',
  'peligro',
  'no puedo respirar',
  'estoy llorando',
]);

/** Someone who cannot look after themselves, which turns a scary situation into distress. */
const DEPENDANTS = cues(1, [
  'baby',
  'babies',
  'infant',
  'newborn',
  'toddler',
  'kids',
  'children',
  'my (son|daughter)',
  '\\d+ (year|month) old',
  'elderly',
  'pregnant',
  'bebe',
  'nin[oa]s',
  'mis hij[oa]s',
  'embarazada',
  'ancian[oa]s?',
]);

/** Harm to the dependants named above that is not a building hazard (those come from detectHazards). */
const HARM = cues(1, [
  'sick|ill|hospital|injured|hurt|bleeding|fever|(cant|can not|cannot) breathe|danger\\w*|freezing',
  'enferm[oa]s?|hospital|lastimad[oa]s?|herid[oa]s?|fiebre|no puede(n)? respirar|peligro\\w*|congelando',
]);

const NEGATIVE = cues(1, [
  // Asking again and again, and being ignored, is how most complaints sound.
  '(asked|called|emailed|told|reported)( him| her| them| you| the office)? (twice|three times|several times|multiple times|many times|again and again)',
  '(weeks|months) (now|already)|still waiting|nobody (has )?(come|came|shown up|fixed|cleaned)',
  '(dos|tres|varias|muchas) veces|no es la primera vez|nadie ha (venido|arreglado|limpiado)|ya les dije|humillad[oa]',
  'exijo|de mala manera|se rien|falta de respeto|groser[oa]',
  'angry',
  'furious',
  'frustrat\\w+',
  'disappoint\\w+',
  'unacceptable',
  'ridiculous',
  'outrage\\w*',
  'fed up',
  'sick (and tired|of)',
  'terrible',
  'horrible',
  'awful',
  'worst',
  'disgust\\w*',
  'upset',
  'annoy\\w*',
  'still (not|no|hasnt|havent)',
  'yet again',
  'third time',
  'nobody (has )?(called|responded)',
  'no one (has )?(called|responded)',
  'ignored',
  'complain\\w*',
  'rude',
  'unprofessional',
  'threaten\\w*',
  'enojad[oa]',
  'molest[oa]',
  'frustrad[oa]',
  'decepcionad[oa]',
  'inaceptable',
  'harto',
  'harta',
  'queja',
  'pesim[oa]',
  'terrible',
  'nadie (me )?(ha )?(llamado|respondido|contestado)',
  'otra vez',
]);

/** Gladness beyond the "thanks" every message ends with. */
const POSITIVE = cues(1, [
  'thank you so much',
  'thanks so much',
  'really appreciate\\w*',
  'grateful',
  'wonderful',
  'excellent',
  'amazing',
  'fantastic',
  'great job',
  'love (the|living|my)',
  'happy (with|to)',
  'pleased',
  'glad',
  'quick response',
  'great work',
  'muchas gracias',
  'mil gracias',
  'excelente',
  'encantad[oa]s?',
  'muy content[oa]s?',
  'agradecid[oa]s?',
  'maravillos[oa]',
]);

/**
 * `hazardNow`: the message reports a hazard happening now (detectHazards). Dependants at home
 * during one — or harmed — is distress; a question about smoke detectors with kids is not.
 */
export function detectSentiment(text: string, hazardNow: boolean): Sentiment {
  const content = normalise(text);
  const dependants = phrasesFound(DEPENDANTS, content, 1).length > 0;
  const dependantsInDanger = dependants && (hazardNow || near(DEPENDANTS, HARM, content));
  if (dependantsInDanger || phrasesFound(DISTRESS, content, 1).length > 0) return 'distressed';
  const negative = phrasesFound(NEGATIVE, content).length;
  const positive = phrasesFound(POSITIVE, content).length;
  if (negative > positive) return 'negative';
  if (positive > 0 && positive > negative) return 'positive';
  return 'neutral';
}
