// The seed catalogue: one file per service in ./definitions.
import { constructionPermit } from './definitions/construction-permit';
import { drivingLicenceRenewal } from './definitions/driving-licence-renewal';
import { roadExcavationPermit } from './definitions/road-excavation-permit';
import { transportOperatorLicence } from './definitions/transport-operator-licence';
import { vehicleInspectionAppointment } from './definitions/vehicle-inspection-appointment';
import { vehicleRegistration } from './definitions/vehicle-registration';

export const seedServices = [
  vehicleRegistration,
  drivingLicenceRenewal,
  constructionPermit,
  transportOperatorLicence,
  vehicleInspectionAppointment,
  roadExcavationPermit,
];
