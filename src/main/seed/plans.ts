/**
 * What the generated coach programs: the lifts (looked up by name in the exercise catalogue), the
 * workout templates built from them, and the mesocycles (phases, deloads) athletes run in turn.
 * Strength figures are rough population ratios (one-rep max ÷ bodyweight for a trained adult),
 * enough to make loads plausible; they are not coaching advice.
 */

export type LiftRole = 'main' | 'secondary' | 'accessory';

export interface Lift {
  /** Catalogue names to try, best first; a trigram match on them is the fallback. */
  names: readonly string[];
  role: LiftRole;
  /** Typical one-rep max over bodyweight for an intermediate lifter (per hand for dumbbells). */
  ratio: number;
  /** The smallest load step (kg): plates on a bar, the next dumbbell, a pin on a stack. */
  stepKg: number;
  /** Warm-ups start from an empty 20 kg bar. */
  barbell: boolean;
}

export const LIFTS = {
  squat: {
    names: ['Barbell Back Squat', 'Back Squat', 'Barbell Squat', 'Squat'],
    role: 'main',
    ratio: 1.45,
    stepKg: 2.5,
    barbell: true,
  },
  bench: {
    names: ['Barbell Bench Press', 'Bench Press', 'Barbell Bench Press - Medium Grip', 'Flat Bench Press'],
    role: 'main',
    ratio: 1.05,
    stepKg: 2.5,
    barbell: true,
  },
  deadlift: {
    names: ['Barbell Deadlift', 'Deadlift', 'Conventional Deadlift'],
    role: 'main',
    ratio: 1.75,
    stepKg: 2.5,
    barbell: true,
  },
  overheadPress: {
    names: [
      'Overhead Press',
      'Barbell Overhead Press',
      'Standing Military Press',
      'Military Press',
      'Barbell Shoulder Press',
    ],
    role: 'main',
    ratio: 0.65,
    stepKg: 2.5,
    barbell: true,
  },
  frontSquat: {
    names: ['Front Squat', 'Barbell Front Squat', 'Front Barbell Squat'],
    role: 'secondary',
    ratio: 1.15,
    stepKg: 2.5,
    barbell: true,
  },
  romanianDeadlift: {
    names: ['Romanian Deadlift', 'Barbell Romanian Deadlift', 'Stiff-Legged Barbell Deadlift'],
    role: 'secondary',
    ratio: 1.25,
    stepKg: 2.5,
    barbell: true,
  },
  barbellRow: {
    names: ['Bent-Over Barbell Row', 'Bent Over Barbell Row', 'Barbell Row', 'Barbell Bent-Over Row'],
    role: 'secondary',
    ratio: 0.9,
    stepKg: 2.5,
    barbell: true,
  },
  inclineBench: {
    names: [
      'Incline Barbell Bench Press',
      'Incline Bench Press',
      'Barbell Incline Bench Press - Medium Grip',
    ],
    role: 'secondary',
    ratio: 0.88,
    stepKg: 2.5,
    barbell: true,
  },
  inclineDumbbellPress: {
    names: ['Incline Dumbbell Press', 'Incline Dumbbell Bench Press', 'Dumbbell Incline Press'],
    role: 'secondary',
    ratio: 0.36,
    stepKg: 2,
    barbell: false,
  },
  dumbbellShoulderPress: {
    names: ['Seated Dumbbell Shoulder Press', 'Dumbbell Shoulder Press', 'Seated Dumbbell Press'],
    role: 'secondary',
    ratio: 0.28,
    stepKg: 2,
    barbell: false,
  },
  legPress: {
    names: ['Leg Press', 'Machine Leg Press', 'Sled Leg Press'],
    role: 'secondary',
    ratio: 2.6,
    stepKg: 5,
    barbell: false,
  },
  latPulldown: {
    names: ['Lat Pulldown', 'Wide-Grip Lat Pulldown', 'Cable Lat Pulldown'],
    role: 'secondary',
    ratio: 0.85,
    stepKg: 2.5,
    barbell: false,
  },
  cableRow: {
    names: ['Seated Cable Row', 'Seated Cable Rows', 'Cable Row'],
    role: 'secondary',
    ratio: 0.85,
    stepKg: 2.5,
    barbell: false,
  },
  splitSquat: {
    names: ['Bulgarian Split Squat', 'Dumbbell Bulgarian Split Squat', 'Split Squat', 'Dumbbell Lunges'],
    role: 'accessory',
    ratio: 0.3,
    stepKg: 2,
    barbell: false,
  },
  walkingLunge: {
    names: ['Walking Lunge', 'Dumbbell Walking Lunge', 'Dumbbell Lunge', 'Barbell Lunge'],
    role: 'accessory',
    ratio: 0.3,
    stepKg: 2,
    barbell: false,
  },
  legCurl: {
    names: ['Lying Leg Curl', 'Lying Leg Curls', 'Leg Curl', 'Seated Leg Curl'],
    role: 'accessory',
    ratio: 0.55,
    stepKg: 2.5,
    barbell: false,
  },
  legExtension: {
    names: ['Leg Extension', 'Leg Extensions', 'Machine Leg Extension'],
    role: 'accessory',
    ratio: 0.65,
    stepKg: 2.5,
    barbell: false,
  },
  standingCalfRaise: {
    names: ['Standing Calf Raise', 'Standing Calf Raises', 'Calf Raise', 'Machine Calf Raise'],
    role: 'accessory',
    ratio: 1.1,
    stepKg: 5,
    barbell: false,
  },
  seatedCalfRaise: {
    names: ['Seated Calf Raise', 'Seated Calf Raises'],
    role: 'accessory',
    ratio: 0.7,
    stepKg: 2.5,
    barbell: false,
  },
  lateralRaise: {
    names: ['Dumbbell Lateral Raise', 'Lateral Raise', 'Side Lateral Raise'],
    role: 'accessory',
    ratio: 0.13,
    stepKg: 1,
    barbell: false,
  },
  facePull: {
    names: ['Face Pull', 'Cable Face Pull'],
    role: 'accessory',
    ratio: 0.32,
    stepKg: 2.5,
    barbell: false,
  },
  dumbbellFly: {
    names: ['Dumbbell Fly', 'Dumbbell Flyes', 'Cable Fly', 'Chest Fly'],
    role: 'accessory',
    ratio: 0.17,
    stepKg: 2,
    barbell: false,
  },
  barbellCurl: {
    names: ['Barbell Curl', 'Standing Barbell Curl', 'EZ-Bar Curl'],
    role: 'accessory',
    ratio: 0.45,
    stepKg: 2.5,
    barbell: true,
  },
  hammerCurl: {
    names: ['Hammer Curl', 'Dumbbell Hammer Curl', 'Hammer Curls'],
    role: 'accessory',
    ratio: 0.19,
    stepKg: 2,
    barbell: false,
  },
  tricepsPushdown: {
    names: [
      'Triceps Pushdown',
      'Tricep Pushdown',
      'Cable Triceps Pushdown',
      'Triceps Pushdown - Rope Attachment',
    ],
    role: 'accessory',
    ratio: 0.45,
    stepKg: 2.5,
    barbell: false,
  },
  skullCrusher: {
    names: [
      'EZ-Bar Skull Crusher',
      'Skull Crusher',
      'EZ-Bar Skullcrusher',
      'Skullcrusher',
      'Lying Triceps Extension',
    ],
    role: 'accessory',
    ratio: 0.38,
    stepKg: 2.5,
    barbell: true,
  },
  overheadTricepsExtension: {
    names: [
      'Overhead Dumbbell Triceps Extension',
      'Overhead Triceps Extension',
      'Dumbbell Overhead Triceps Extension',
      'Cable Overhead Triceps Extension',
    ],
    role: 'accessory',
    ratio: 0.3,
    stepKg: 2,
    barbell: false,
  },
  cableCrunch: {
    names: ['Cable Crunch', 'Kneeling Cable Crunch'],
    role: 'accessory',
    ratio: 0.55,
    stepKg: 2.5,
    barbell: false,
  },
} as const satisfies Record<string, Lift>;

export type LiftKey = keyof typeof LIFTS;

export interface TemplatePlan {
  key: string;
  name: string;
  description: string;
  tags: string[];
  lifts: LiftKey[];
  /** An optional finisher some athletes add when they have time. */
  finisher: LiftKey;
}

export const TEMPLATES: readonly TemplatePlan[] = [
  {
    key: 'fullA',
    name: 'Full Body A',
    description: 'Squat and bench focus',
    tags: ['full body'],
    lifts: ['squat', 'bench', 'barbellRow', 'lateralRaise', 'barbellCurl'],
    finisher: 'cableCrunch',
  },
  {
    key: 'fullB',
    name: 'Full Body B',
    description: 'Deadlift and press focus',
    tags: ['full body'],
    lifts: ['deadlift', 'overheadPress', 'latPulldown', 'splitSquat', 'facePull'],
    finisher: 'hammerCurl',
  },
  {
    key: 'fullC',
    name: 'Full Body C',
    description: 'Variations and volume',
    tags: ['full body'],
    lifts: ['frontSquat', 'inclineBench', 'cableRow', 'romanianDeadlift', 'tricepsPushdown'],
    finisher: 'standingCalfRaise',
  },
  {
    key: 'upperA',
    name: 'Upper A',
    description: 'Heavy horizontal push and pull',
    tags: ['upper'],
    lifts: ['bench', 'barbellRow', 'overheadPress', 'latPulldown', 'barbellCurl', 'tricepsPushdown'],
    finisher: 'lateralRaise',
  },
  {
    key: 'lowerA',
    name: 'Lower A',
    description: 'Squat day',
    tags: ['lower'],
    lifts: ['squat', 'romanianDeadlift', 'legPress', 'legCurl', 'standingCalfRaise'],
    finisher: 'cableCrunch',
  },
  {
    key: 'upperB',
    name: 'Upper B',
    description: 'Volume for chest, back and arms',
    tags: ['upper'],
    lifts: [
      'inclineDumbbellPress',
      'cableRow',
      'dumbbellShoulderPress',
      'dumbbellFly',
      'facePull',
      'hammerCurl',
    ],
    finisher: 'skullCrusher',
  },
  {
    key: 'lowerB',
    name: 'Lower B',
    description: 'Deadlift day',
    tags: ['lower'],
    lifts: ['deadlift', 'frontSquat', 'walkingLunge', 'legExtension', 'seatedCalfRaise'],
    finisher: 'cableCrunch',
  },
  {
    key: 'push',
    name: 'Push',
    description: 'Chest, shoulders, triceps',
    tags: ['push/pull/legs'],
    lifts: [
      'bench',
      'overheadPress',
      'inclineDumbbellPress',
      'lateralRaise',
      'tricepsPushdown',
      'overheadTricepsExtension',
    ],
    finisher: 'dumbbellFly',
  },
  {
    key: 'pull',
    name: 'Pull',
    description: 'Back and biceps',
    tags: ['push/pull/legs'],
    lifts: ['deadlift', 'latPulldown', 'barbellRow', 'facePull', 'barbellCurl', 'hammerCurl'],
    finisher: 'cableCrunch',
  },
  {
    key: 'legs',
    name: 'Legs',
    description: 'Quads, hamstrings, calves',
    tags: ['push/pull/legs'],
    lifts: ['squat', 'romanianDeadlift', 'legPress', 'legCurl', 'legExtension', 'standingCalfRaise'],
    finisher: 'cableCrunch',
  },
];

/** Training days (0 = Monday) and the templates on them, per weekly frequency. */
export const SPLITS = {
  3: { name: 'Full Body', days: [0, 2, 4], templates: ['fullA', 'fullB', 'fullC'] },
  4: { name: 'Upper/Lower', days: [0, 1, 3, 4], templates: ['upperA', 'lowerA', 'upperB', 'lowerB'] },
  5: {
    name: 'Push/Pull/Legs + Upper/Lower',
    days: [0, 1, 2, 3, 4],
    templates: ['push', 'pull', 'legs', 'upperA', 'lowerB'],
  },
} as const;

export type DaysPerWeek = keyof typeof SPLITS;

export type Phase = 'Accumulation' | 'Intensification' | 'Realization' | 'Deload';

/** How a phase loads the working sets (the template's rep range is the accumulation default). */
export interface PhaseScheme {
  /** Target reps for main lifts and for the rest. */
  mainReps: readonly [number, number];
  otherReps: readonly [number, number];
  /** Reps in reserve the coach asks for. */
  repsInReserve: number;
  /** Working sets for main lifts (accessories take one fewer, at least 2). */
  sets: number;
}

export const PHASES: Record<Phase, PhaseScheme> = {
  Accumulation: { mainReps: [6, 8], otherReps: [10, 12], repsInReserve: 2.5, sets: 4 },
  Intensification: { mainReps: [3, 5], otherReps: [8, 10], repsInReserve: 1.5, sets: 5 },
  Realization: { mainReps: [1, 3], otherReps: [6, 8], repsInReserve: 1, sets: 3 },
  Deload: { mainReps: [5, 5], otherReps: [10, 10], repsInReserve: 4, sets: 3 },
};

export interface ProgramPlan {
  name: string;
  description: string;
  /** One phase per week; a deload every 4th or 5th week. */
  weeks: readonly Phase[];
}

export const PROGRAMS: readonly ProgramPlan[] = [
  {
    name: 'Hypertrophy Block',
    description: 'Four weeks of volume, then a deload.',
    weeks: ['Accumulation', 'Accumulation', 'Accumulation', 'Accumulation', 'Deload'],
  },
  {
    name: 'Strength Block',
    description: 'Heavier triples and fives, then a deload.',
    weeks: ['Intensification', 'Intensification', 'Intensification', 'Deload'],
  },
  {
    name: 'Base to Peak',
    description: 'Volume, deload, intensity, a peak week and a deload.',
    weeks: [
      'Accumulation',
      'Accumulation',
      'Accumulation',
      'Deload',
      'Intensification',
      'Intensification',
      'Realization',
      'Deload',
    ],
  },
  {
    name: 'Volume to Strength',
    description: 'Two volume weeks into two heavy weeks.',
    weeks: ['Accumulation', 'Accumulation', 'Intensification', 'Intensification', 'Deload'],
  },
];

/** The modifiers stored on program_week rows, from the phase and the week inside it. */
export function weekModifiers(phase: Phase, weekInPhase: number) {
  if (phase === 'Deload') return { volumeFactor: 0.6, intensityDeltaPercent: -10, rpeDelta: -2 };
  return { volumeFactor: 1, intensityDeltaPercent: 2.5 * weekInPhase, rpeDelta: 0.5 * weekInPhase };
}
