import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { AuthSession } from './auth-session.entity';
import { RefreshToken } from './refresh-token.entity';
import { SessionsService } from './sessions.service';

@Module({
  imports: [TypeOrmModule.forFeature([AuthSession, RefreshToken])],
  providers: [SessionsService],
  exports: [SessionsService],
})
export class SessionsModule {}
