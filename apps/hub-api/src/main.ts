import 'reflect-metadata';
import { bootstrap } from './bootstrap';

// The HTTP API alone (run the projector and ingest as their own processes).
void bootstrap();
