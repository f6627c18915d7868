import { demoAnswers } from '../../prisma/demo-applications';

// Complete answers, as the question pages save them (shared with the demo data).
export const renewalAnswers = demoAnswers['driving-licence-renewal'];
export const permitAnswers = demoAnswers['construction-permit'];
export const vehicleAnswers = demoAnswers['vehicle-registration'];
