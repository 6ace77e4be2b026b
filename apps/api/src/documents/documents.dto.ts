import { FETCHER_KINDS, type FetcherKind } from '@clausewatch/extract';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { NoControlCharacters } from '../http-limits/strict-input';

export class CreateDocumentDto {
  @ApiProperty({ example: 'Midjourney', description: 'Platform name (created if new)' })
  @IsString()
  @Length(1, 200)
  @NoControlCharacters()
  platform!: string;

  @ApiProperty({ example: 'Privacy Policy' })
  @IsString()
  @Length(1, 300)
  @NoControlCharacters()
  title!: string;

  @ApiProperty({ example: 'privacy-policy', description: 'Document type, kebab-case' })
  @IsString()
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'type must be kebab-case, e.g. privacy-policy' })
  type!: string;

  @ApiProperty({ example: 'https://docs.midjourney.com/hc/en-us/articles/32083472637453-Privacy-Policy' })
  @IsString()
  @Length(1, 2048)
  @NoControlCharacters()
  url!: string;

  @ApiPropertyOptional({ description: 'CSS selectors or range selectors of the content (Open Terms Archive style)', example: ['article'] })
  @IsOptional()
  select?: unknown;

  @ApiPropertyOptional({ description: 'CSS selectors or range selectors to remove', example: ['.cookie-banner'] })
  @IsOptional()
  remove?: unknown;

  @ApiPropertyOptional({ description: 'Named filters, e.g. ["removeQueryParams"]' })
  @IsOptional()
  filter?: unknown;

  @ApiPropertyOptional({ enum: FETCHER_KINDS, default: 'auto' })
  @IsOptional()
  @IsIn(FETCHER_KINDS)
  fetcher?: FetcherKind;

  @ApiPropertyOptional({ default: 360 })
  @IsOptional()
  @IsInt()
  @Min(5)
  @Max(525600)
  checkIntervalMinutes?: number;
}

/** A correction of a document (admin); every field is optional and each change is kept in its history. */
export class UpdateDocumentDto {
  @ApiPropertyOptional({ example: 'Privacy Policy' })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  title?: string;

  @ApiPropertyOptional({ description: 'New URL of the (first) page', example: 'https://example.com/legal/privacy' })
  @IsOptional()
  @IsString()
  @Length(1, 2048)
  url?: string;

  @ApiPropertyOptional({ description: 'CSS selectors or range selectors of the content; null: none (main content detection)', example: ['article'] })
  @IsOptional()
  select?: unknown;

  @ApiPropertyOptional({ description: 'CSS selectors or range selectors to remove; null: none', example: ['.cookie-banner'] })
  @IsOptional()
  remove?: unknown;

  @ApiPropertyOptional({ description: 'Named filters, e.g. ["removeQueryParams"]; null: none' })
  @IsOptional()
  filter?: unknown;

  @ApiPropertyOptional({
    description: 'Every page of a combined document at once: [{ url, select?, remove?, filter? }] (instead of url/select/remove/filter)',
  })
  @IsOptional()
  sources?: unknown;

  @ApiPropertyOptional({ description: 'When the rules change: the old rules applied to captures up to this instant (ISO 8601; default now)' })
  @IsOptional()
  @IsString()
  rulesValidUntil?: string;

  @ApiPropertyOptional({ enum: FETCHER_KINDS })
  @IsOptional()
  @IsIn(FETCHER_KINDS)
  fetcher?: FetcherKind;

  @ApiPropertyOptional({ description: 'Minutes between two checks' })
  @IsOptional()
  @IsInt()
  @Min(5)
  @Max(525600)
  checkIntervalMinutes?: number;

  @ApiPropertyOptional({ description: 'false stops checking the document (its records stay)' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({
    enum: ['clausewatch', 'ota'],
    description: "How `select` applies: `ota` (Open Terms Archive's: any selector may match, nested matches kept; imported declarations) or `clausewatch` (every selector must match, nested matches once)",
  })
  @IsOptional()
  @IsIn(['clausewatch', 'ota'])
  selection?: 'clausewatch' | 'ota';
}
