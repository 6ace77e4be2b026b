import { APP_CONFIG, type AppConfig } from '@clausewatch/config';
import { DocumentsRepository, PlatformsRepository } from '@clausewatch/db';
import { Controller, Get, Inject, NotFoundException, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { documentView, platformView } from '../records/record.views';

@ApiTags('platforms')
@Controller('platforms')
export class PlatformsController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly platforms: PlatformsRepository,
    private readonly documents: DocumentsRepository,
  ) {}

  @Get()
  async list() {
    const platforms = await this.platforms.list();
    return { platforms: platforms.map((p) => ({ id: p.recordId, slug: p.slug, name: p.name, homepage: p.homepage, documents: p.documents })) };
  }

  @Get(':slug')
  async get(@Param('slug') slug: string) {
    const platform = await this.platforms.findBySlug(slug);
    if (!platform) throw new NotFoundException(`no platform "${slug.slice(0, 80)}"`);
    const documents = await this.documents.listForPlatform(platform.id);
    return { ...platformView(platform, this.config.publicUrl), documents: documents.map((d) => documentView(d, this.config.publicUrl)) };
  }
}
