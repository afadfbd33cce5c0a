import { describe, expect, it } from 'vitest';
import { describeOverlapDa, diffPlans, mergePlanEdits, type PlanContent, type SubGoal } from '../src/index';

const goal = (id: string, priority: number, over: Partial<SubGoal> = {}): SubGoal => ({
  id,
  title: `Delmål ${id}`,
  citizenWords: null,
  domain: 'health',
  goalType: 'develop',
  priority,
  targetDate: null,
  followUpDate: null,
  interventionIds: [],
  ...over,
});

const BASE: PlanContent = {
  startDate: '2026-11-23',
  overallGoal: { id: 'o', citizenWords: 'Jeg vil have overskud.', caseworkerText: '', targetDate: null, followUpDate: null },
  subGoals: [goal('a', 1, { interventionIds: ['i1'] }), goal('b', 2), goal('c', 3)],
};

const edit = (f: (p: PlanContent) => void): PlanContent => {
  const copy = structuredClone(BASE);
  f(copy);
  return copy;
};
const byId = (p: PlanContent, id: string) => p.subGoals.find((g) => g.id === id);

describe('re-applying my plan edits on a newer version (three-way merge)', () => {
  it('keeps both sides: their title change and my new sub-goal and my overall-goal text, with no overlap', () => {
    const theirs = edit((p) => (p.subGoals[1]!.title = 'Tilbage til arbejde'));
    const mine = edit((p) => {
      p.overallGoal.caseworkerText = 'Mestre eget liv og komme tættere på job.';
      p.subGoals.push(goal('new-1', 4, { title: 'Styr på økonomien', domain: 'economy' }));
    });
    const { content, overlaps } = mergePlanEdits(BASE, mine, theirs);
    expect(overlaps).toEqual([]);
    expect(byId(content, 'b')!.title).toBe('Tilbage til arbejde');
    expect(content.overallGoal.caseworkerText).toBe('Mestre eget liv og komme tættere på job.');
    expect(content.subGoals.map((g) => [g.id, g.priority])).toEqual([['a', 1], ['b', 2], ['c', 3], ['new-1', 4]]);
    // nothing of theirs is undone: the merged plan differs from theirs only by my edits
    expect(diffPlans(theirs, content).map((c) => c.kind)).toEqual(['overall_goal_changed', 'sub_goal_added']);
  });

  it('uses my value where we both changed the same field, and says so in Danish', () => {
    const theirs = edit((p) => (p.overallGoal.citizenWords = 'Deres ord'));
    const mine = edit((p) => (p.overallGoal.citizenWords = 'Mine ord'));
    const { content, overlaps } = mergePlanEdits(BASE, mine, theirs);
    expect(content.overallGoal.citizenWords).toBe('Mine ord');
    expect(overlaps).toEqual([{ kind: 'overall_goal', fields: ['citizenWords'] }]);
    expect(describeOverlapDa(overlaps[0]!)).toBe('I har begge ændret det overordnede mål (borgerens egne ord). Din tekst er brugt.');
  });

  it('the same change on both sides is no overlap', () => {
    const both = edit((p) => (p.subGoals[0]!.goalType = 'maintain'));
    expect(mergePlanEdits(BASE, both, both).overlaps).toEqual([]);
  });

  it('merges intervention links as sets: their link and my unlink both survive', () => {
    const theirs = edit((p) => (p.subGoals[0]!.interventionIds = ['i1', 'i2']));
    const mine = edit((p) => (p.subGoals[0]!.interventionIds = []));
    expect(byId(mergePlanEdits(BASE, mine, theirs).content, 'a')!.interventionIds).toEqual(['i2']);
  });

  it('a sub-goal removed by one side stays removed when the other left it alone', () => {
    const theirs = edit((p) => p.subGoals.splice(2, 1));
    const mine = edit((p) => p.subGoals.splice(0, 1));
    const { content, overlaps } = mergePlanEdits(BASE, mine, theirs);
    expect(content.subGoals.map((g) => [g.id, g.priority])).toEqual([['b', 1]]);
    expect(overlaps).toEqual([]);
  });

  it('a removal meets a change: the changed sub-goal is kept and reported, whichever side removed it', () => {
    const theirs = edit((p) => (p.subGoals[0]!.title = 'Ny titel'));
    const mine = edit((p) => p.subGoals.splice(0, 1));
    const one = mergePlanEdits(BASE, mine, theirs);
    expect(byId(one.content, 'a')!.title).toBe('Ny titel');
    expect(one.overlaps).toEqual([{ kind: 'removed_by_me', title: 'Ny titel' }]);
    const other = mergePlanEdits(BASE, theirs, mine);
    expect(byId(other.content, 'a')!.title).toBe('Ny titel');
    expect(other.overlaps).toEqual([{ kind: 'removed_by_them', title: 'Ny titel' }]);
    expect(describeOverlapDa(other.overlaps[0]!)).toMatch(/fjernet i den nye version, men du havde ændret det/);
  });

  it('my reordering wins over their unchanged order; priorities come out as 1..n without duplicates', () => {
    const theirs = edit((p) => p.subGoals.push(goal('d', 4)));
    // I moved c to the top: c=1, a=2, b=3
    const mine = edit((p) => {
      p.subGoals[2]!.priority = 1;
      p.subGoals[0]!.priority = 2;
      p.subGoals[1]!.priority = 3;
    });
    const { content } = mergePlanEdits(BASE, mine, theirs);
    expect(content.subGoals.map((g) => g.id)).toEqual(['c', 'a', 'b', 'd']);
    expect(content.subGoals.map((g) => g.priority)).toEqual([1, 2, 3, 4]);
  });

  it('both added a sub-goal with the same priority: both kept, the newer version’s first', () => {
    const theirs = edit((p) => p.subGoals.push(goal('t', 4)));
    const mine = edit((p) => p.subGoals.push(goal('m', 4)));
    expect(mergePlanEdits(BASE, mine, theirs).content.subGoals.map((g) => [g.id, g.priority])).toEqual([['a', 1], ['b', 2], ['c', 3], ['t', 4], ['m', 5]]);
  });

  it('merging on top of an unchanged version gives my edits exactly', () => {
    const mine = edit((p) => {
      p.startDate = '2026-12-01';
      p.subGoals[1]!.citizenWords = 'Med mine ord';
    });
    const { content, overlaps } = mergePlanEdits(BASE, mine, BASE);
    expect(content).toEqual(mine);
    expect(overlaps).toEqual([]);
  });
});
