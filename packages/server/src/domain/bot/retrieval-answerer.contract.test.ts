import { answererContract } from './answerer.contract';
import { RetrievalAnswerer } from './retrieval-answerer';

answererContract('retrieval (MiniSearch)', () => new RetrievalAnswerer());
