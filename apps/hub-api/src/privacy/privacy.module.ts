import { Module } from '@nestjs/common';
import { PrivacyController } from './privacy.controller';

/** `POST /v1/privacy/subjects/{subjectId}/erase` (Operator). */
@Module({ controllers: [PrivacyController] })
export class PrivacyModule {}
