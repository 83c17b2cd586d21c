import { describeBusContract } from '../bus.contract';
import { LocalBus } from './local-bus';

describeBusContract('local', () => Promise.resolve(new LocalBus()), { singleNode: 'one process' });
