import { AccountsRepository, SubscribersRepository } from '@clausewatch/db';
import { BadRequestException, Body, Controller, Post, UseFilters, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsEmail, IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { AccountsApiFilter } from '../accounts/accounts-api.filter';
import { isTimeZone } from '../accounts/accounts.controller';
import { FollowsService } from '../accounts/follows.service';
import { AdminGuard } from '../auth/admin.guard';
import { NoControlCharacters } from '../http-limits/strict-input';

export class CreateSubscriberDto {
  @ApiProperty() @IsEmail() email!: string;
  @ApiPropertyOptional({ enum: ['free', 'watcher', 'monitor', 'professional'] })
  @IsOptional() @IsIn(['free', 'watcher', 'monitor', 'professional']) plan?: 'free' | 'watcher' | 'monitor' | 'professional';
  @ApiPropertyOptional({ enum: ['low', 'medium', 'high', 'critical'] })
  @IsOptional() @IsIn(['low', 'medium', 'high', 'critical']) minSeverity?: 'low' | 'medium' | 'high' | 'critical';
  @ApiPropertyOptional() @IsOptional() @IsString() @NoControlCharacters() timezone?: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(6) digestDay?: number;
  @ApiPropertyOptional({ description: 'Platform slugs to follow' }) @IsOptional() @IsArray() @ArrayMaxSize(1000) @IsString({ each: true }) @NoControlCharacters({ each: true }) platforms?: string[];
  @ApiPropertyOptional({ description: 'Clause types to follow across all platforms' }) @IsOptional() @IsArray() @ArrayMaxSize(100) @IsString({ each: true }) @NoControlCharacters({ each: true }) clauseTypes?: string[];
}

/** Admin route to enrol a subscriber and their follows, through the same plan limit as the web app. */
@ApiTags('subscribers')
@UseFilters(AccountsApiFilter)
@Controller('subscribers')
export class SubscribersController {
  constructor(
    private readonly subscribers: SubscribersRepository,
    private readonly accounts: AccountsRepository,
    private readonly follows: FollowsService,
  ) {}

  @Post()
  @UseGuards(AdminGuard)
  @ApiBearerAuth()
  async create(@Body() dto: CreateSubscriberDto) {
    if (dto.timezone && !isTimeZone(dto.timezone)) throw new BadRequestException(`unknown time zone "${dto.timezone}"`);
    const slugs = dto.platforms ?? [];
    const targets = [
      ...(await Promise.all(slugs.map((slug) => this.follows.resolve('platform', slug)))),
      ...(await Promise.all((dto.clauseTypes ?? []).map((type) => this.follows.resolve('clause-type', type)))),
    ];
    const existing = await this.accounts.findSubscriberByEmail(dto.email.trim().toLowerCase());
    const plan = dto.plan ?? existing?.plan ?? 'free';
    // One transaction: the subscriber, the plan, then the follows under the plan's limit (all or none).
    const subscriber = await this.accounts.transaction(async (manager) => {
      const row = await this.subscribers.upsert({ email: dto.email, plan, minSeverity: dto.minSeverity, timezone: dto.timezone, digestDay: dto.digestDay }, manager);
      await this.follows.setPlan(row.id, plan, {}, manager);
      await this.follows.follow(row.id, targets, manager);
      return row;
    });
    return { email: subscriber.email, plan, follows: { platforms: slugs, clauseTypes: dto.clauseTypes ?? [] } };
  }
}
