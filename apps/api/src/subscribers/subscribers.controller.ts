import { PlatformsRepository, SubscribersRepository } from '@clausewatch/db';
import { BadRequestException, Body, Controller, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsEmail, IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
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

const PLAN_LIMITS: Record<string, number> = { free: 1, watcher: 10, monitor: 25, professional: Infinity };

/** Minimal admin route to enrol a subscriber and their follows (the dashboard sign-up comes later). */
@ApiTags('subscribers')
@Controller('subscribers')
export class SubscribersController {
  constructor(
    private readonly subscribers: SubscribersRepository,
    private readonly platforms: PlatformsRepository,
  ) {}

  @Post()
  @UseGuards(AdminGuard)
  @ApiBearerAuth()
  async create(@Body() dto: CreateSubscriberDto) {
    const plan = dto.plan ?? 'free';
    const slugs = dto.platforms ?? [];
    if (slugs.length > PLAN_LIMITS[plan]) throw new BadRequestException(`the ${plan} plan follows at most ${PLAN_LIMITS[plan]} platform(s)`);
    if (dto.timezone && !isTimeZone(dto.timezone)) throw new BadRequestException(`unknown time zone "${dto.timezone}"`);
    const platforms = await Promise.all(slugs.map((slug) => this.platforms.findBySlug(slug)));
    const missing = slugs.filter((_, i) => !platforms[i]);
    if (missing.length) throw new BadRequestException(`unknown platform(s): ${missing.join(', ')}`);
    const subscriber = await this.subscribers.upsert({ email: dto.email, plan, minSeverity: dto.minSeverity, timezone: dto.timezone, digestDay: dto.digestDay });
    for (const platform of platforms) await this.subscribers.follow(subscriber.id, { platformId: platform!.id });
    for (const clauseType of dto.clauseTypes ?? []) await this.subscribers.follow(subscriber.id, { clauseType });
    return { email: subscriber.email, plan: subscriber.plan, follows: { platforms: slugs, clauseTypes: dto.clauseTypes ?? [] } };
  }
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
