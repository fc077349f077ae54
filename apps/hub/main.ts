import 'reflect-metadata';
import { bootstrap } from '../hub-api/src/bootstrap';

// `npm start`: the API, the projector and ingest in one process on the configured stores.
void bootstrap();
