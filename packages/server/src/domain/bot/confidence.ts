/**
 * Below this confidence the bot does not answer and hands over: tuned on the training part of the
 * question set (question-set/questions.json) so that questions no article answers are handed over.
 */
export const LOW_CONFIDENCE = 0.4;

export const isConfident = (confidence: number): boolean => confidence >= LOW_CONFIDENCE;
