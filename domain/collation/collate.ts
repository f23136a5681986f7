import { agencyLabel } from '../agencies/agency-label';
import { dissentRecorded, weighingOf } from '../decision/departures';
import { isOutcome, NO_VIEW, outcomeLabel, recommendationAgrees, recommendationLabel } from '../decision/outcomes';
import { childName, childrenOf, childValues, isScaleScore, listItems, meetingValues, perChildOf, singleValues, textOf } from '../record/access';
import type { ConferenceRecord } from '../record/conference';
import { SECTION } from '../template/field-names';

/**
 * The collation the inspection asked for: every agency's view of one child side by side,
 * the spread of those views, and where the chair's decision departs from them.
 */
export interface AgencyView {
  agencyId: string;
  agency: string;
  representative: string;
  attendance: string;
  recommendation: string;
  recommendationLabel: string;
  reasons: string;
  /** Null when no score was given, or while blind scaling hides it. */
  score: number | null;
  scoreReason: string;
  worries: string;
  strengths: string;
  /** The chair's outcome differs from this agency's recommendation. */
  departs: boolean;
  /** How the chair weighed this view for this child ('' when not yet), shown beside its row. */
  weighing: string;
  /** The agency's dissent from this child's decision is recorded. */
  dissent: boolean;
}

export interface RecommendationCount {
  recommendation: string;
  label: string;
  count: number;
}

export interface ChildCollation {
  childId: string;
  childName: string;
  views: AgencyView[];
  recommendations: RecommendationCount[];
  scores: { count: number; min: number | null; max: number | null; median: number | null };
  /** Blind scaling is on and not every attending agency has scored yet. */
  scoresHidden: boolean;
  awaitingScores: string[];
  chairScore: number | null;
  scaleDefinition: string;
  outcome: string;
  outcomeLabel: string;
  departures: AgencyView[];
}

const ATTENDING = new Set(['present', 'part']);

export function collate(record: ConferenceRecord): ChildCollation[] {
  const agencies = listItems(record, SECTION.agencies);
  const meeting = meetingValues(record);
  const blind = meeting['blindScaling'] === true;
  const awaiting = agencies
    .map((agency, index) => ({ agency, index }))
    .filter(({ agency }) => ATTENDING.has(textOf(agency.values['attendance'])) && !isScaleScore(agency.values['scale']))
    .map(({ agency, index }) => agencyLabel(agency, index));
  const scoresHidden = blind && awaiting.length > 0;
  const chairScales = singleValues(record, 'risk')['chairScale'];

  return childrenOf(record).map((child) => {
    const outcome = textOf(childValues(record, 'decision', child.id)['outcome']);
    const views: AgencyView[] = agencies.map((agency, index) => {
      const mine = perChildOf(agency.values['recommendations'], child.id);
      const recommendation = textOf(mine['recommendation']);
      const scale = agency.values['scale'];
      return {
        agencyId: agency.id,
        agency: agencyLabel(agency, index),
        representative: textOf(agency.values['representative']),
        attendance: textOf(agency.values['attendance']),
        recommendation,
        recommendationLabel: recommendation ? recommendationLabel(recommendation) : 'Not yet recorded',
        reasons: textOf(mine['reasons']),
        score: !scoresHidden && isScaleScore(scale) ? scale.score : null,
        scoreReason: scoresHidden ? '' : textOf(agency.values['scaleReason']),
        worries: textOf(agency.values['worries']),
        strengths: textOf(agency.values['strengths']),
        departs: isOutcome(outcome) && recommendation !== '' && !recommendationAgrees(recommendation, outcome),
        weighing: weighingOf(record, agency.id, child.id)?.text.trim() ?? '',
        dissent: dissentRecorded(record, agency.id, child.id),
      };
    });
    const scored = views.map((v) => v.score).filter((s): s is number => s !== null).sort((a, b) => a - b);
    const chairScale = perChildOf(chairScales, child.id)['scale'];
    return {
      childId: child.id,
      childName: childName(record, child.id),
      views,
      recommendations: countRecommendations(views),
      scores: {
        count: scored.length,
        min: scored[0] ?? null,
        max: scored[scored.length - 1] ?? null,
        median: median(scored),
      },
      scoresHidden,
      awaitingScores: scoresHidden ? awaiting : [],
      chairScore: isScaleScore(chairScale) ? chairScale.score : null,
      scaleDefinition: textOf(meeting['scaleDefinition']),
      outcome,
      outcomeLabel: outcomeLabel(outcome),
      departures: views.filter((v) => v.departs),
    };
  });
}

function countRecommendations(views: AgencyView[]): RecommendationCount[] {
  const counts = new Map<string, number>();
  for (const view of views) {
    const key = view.recommendation || NO_VIEW;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.entries()]
    .map(([recommendation, count]) => ({ recommendation, label: recommendationLabel(recommendation), count }))
    .sort((a, b) => b.count - a.count);
}

function median(sorted: number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
