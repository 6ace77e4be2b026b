import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
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

  @ApiPropertyOptional({ enum: ['auto', 'http', 'browser'], default: 'auto' })
  @IsOptional()
  @IsIn(['auto', 'http', 'browser'])
  fetcher?: 'auto' | 'http' | 'browser';

  @ApiPropertyOptional({ default: 360 })
  @IsOptional()
  @IsInt()
  @Min(5)
  @Max(525600)
  checkIntervalMinutes?: number;
}
