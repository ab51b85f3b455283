/** The name the Claude breaker is recorded under in the circuit journal (one breaker: Claude is shared). */
export const CLAUDE_CIRCUIT = 'claude';
