import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import Handlebars from 'handlebars';
import { RecordsService } from './records.service';

const page = Handlebars.compile(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{id}} · Clausewatch</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:system-ui,sans-serif;max-width:860px;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
dt{font-weight:600;margin-top:.5rem}pre{white-space:pre-wrap;background:#f6f6f6;padding:1rem;border-radius:6px}</style></head>
<body><p><a href="/api/v1/records/{{id}}">JSON</a></p><h1>{{id}}</h1>
<dl>{{#each fields}}<dt>{{name}}</dt><dd>{{value}}</dd>{{/each}}</dl>
{{#if markdown}}<h2>Text</h2><pre>{{markdown}}</pre>{{/if}}
</body></html>`);

/** `/r/:id`: the human permalink of any record (plain server-rendered HTML). */
@ApiExcludeController()
@Controller('r')
export class PermalinkController {
  constructor(private readonly records: RecordsService) {}

  @Get(':id')
  @Header('content-type', 'text/html; charset=utf-8')
  async show(@Param('id') id: string): Promise<string> {
    const record = await this.records.find(id);
    const { markdown, ...rest } = record as Record<string, unknown> & { markdown?: string };
    const fields = Object.entries(rest)
      .filter(([, v]) => v !== null && v !== undefined && typeof v !== 'object')
      .map(([name, value]) => ({ name, value: String(value) }));
    return page({ id: record.id, fields, markdown });
  }
}
