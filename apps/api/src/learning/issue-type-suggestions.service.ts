import { suggest } from '@app/learning';
import type { IssueType } from '@app/priority';
import { Injectable, NotFoundException } from '@nestjs/common';

import type { IssueTypeSuggestionDto } from './dto/issue-type-suggestion.dto';
import type { SuggestIssueTypeDto } from './dto/suggest-issue-type.dto';
import { IssueTypeModelService, MIN_LABELS } from './issue-type-model.service';

/** Suggests an issue type for a ticket's text with the newest trained model. */
@Injectable()
export class IssueTypeSuggestionsService {
  constructor(private readonly models: IssueTypeModelService) {}

  async suggest(dto: SuggestIssueTypeDto): Promise<IssueTypeSuggestionDto> {
    const model = await this.models.current();
    if (!model) throw await this.noModel();
    const result = suggest(model.scorer, { title: dto.title, description: dto.description });
    return {
      issue_type: {
        value: result.value as IssueType,
        confidence: result.confidence,
        alternatives: result.alternatives.map((a) => ({
          value: a.value as IssueType,
          confidence: a.confidence,
        })),
      },
      evidence: result.evidence,
      model: {
        version: model.version,
        trained_at: model.trainedAt.toISOString(),
        examples: model.examples,
        holdout_accuracy: model.holdoutAccuracy,
      },
    };
  }

  private async noModel(): Promise<NotFoundException> {
    const labels = await this.models.countLabels();
    if (labels < MIN_LABELS) {
      return new NotFoundException(
        `There is no model yet: ${labels} of the ${MIN_LABELS} labelled tickets it needs.`,
      );
    }
    this.models.nudge();
    return new NotFoundException(
      `There is no model yet: ${labels} labelled tickets are enough, and training has started.`,
    );
  }
}
