/**
 * Runs the question set against the shipped sample articles with the default answerer: what
 * `npm run bot-report` prints and bot-quality.test.ts holds to the recorded figures.
 */
import { readFileSync } from 'node:fs';
import { sampleBotArticles } from '../packages/server/src/demo/help-articles/sample-articles';
import { RetrievalAnswerer } from '../packages/server/src/domain/bot/retrieval-answerer';
import {
  scoreQuestions,
  type FigureTable,
  type LabelledQuestion,
} from '../packages/server/src/domain/bot/question-set/score';

const SET = new URL('../packages/server/src/domain/bot/question-set/', import.meta.url);
export const FIGURES_FILE = new URL('figures.json', SET);

export function loadQuestions(): LabelledQuestion[] {
  const file = JSON.parse(readFileSync(new URL('questions.json', SET), 'utf8')) as {
    questions: LabelledQuestion[];
  };
  return file.questions;
}

export function runQuestionSet(): ReturnType<typeof scoreQuestions> {
  const articles = sampleBotArticles();
  const answerer = new RetrievalAnswerer();
  return scoreQuestions(loadQuestions(), (q) =>
    answerer.answerNow({ text: q.question, locale: q.locale }, articles),
  );
}

export function recordedFigures(): FigureTable {
  return JSON.parse(readFileSync(FIGURES_FILE, 'utf8')) as FigureTable;
}
