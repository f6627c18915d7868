-- CreateTable
CREATE TABLE "ApplicationForecast" (
    "applicationId" UUID NOT NULL,
    "expectedDay" DATE NOT NULL,
    "basis" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApplicationForecast_pkey" PRIMARY KEY ("applicationId")
);

-- CreateTable
CREATE TABLE "PerformanceFact" (
    "applicationId" UUID NOT NULL,
    "serviceId" UUID NOT NULL,
    "departmentId" UUID NOT NULL,
    "submittedMonth" DATE NOT NULL,
    "decidedDay" DATE,
    "decidedMonth" DATE,
    "outcome" TEXT,
    "workingDays" INTEGER,
    "onTime" BOOLEAN,
    "forecastKept" BOOLEAN,

    CONSTRAINT "PerformanceFact_pkey" PRIMARY KEY ("applicationId")
);

-- CreateTable
CREATE TABLE "PerformanceStageFact" (
    "applicationId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "serviceId" UUID NOT NULL,
    "completedDay" DATE NOT NULL,
    "workingDays" INTEGER NOT NULL,

    CONSTRAINT "PerformanceStageFact_pkey" PRIMARY KEY ("applicationId","position")
);

-- CreateTable
CREATE TABLE "PerformanceMonth" (
    "scope" TEXT NOT NULL,
    "scopeId" UUID NOT NULL,
    "month" DATE NOT NULL,
    "received" INTEGER NOT NULL,
    "decided" INTEGER NOT NULL,
    "approved" INTEGER NOT NULL,
    "rejected" INTEGER NOT NULL,
    "medianDays" DOUBLE PRECISION,
    "p90Days" DOUBLE PRECISION,
    "onTime" INTEGER NOT NULL,
    "forecastChecked" INTEGER NOT NULL,
    "forecastKept" INTEGER NOT NULL,

    CONSTRAINT "PerformanceMonth_pkey" PRIMARY KEY ("scope","scopeId","month")
);

-- CreateTable
CREATE TABLE "PerformanceNow" (
    "scope" TEXT NOT NULL,
    "scopeId" UUID NOT NULL,
    "backlog" INTEGER NOT NULL,
    "overdue" INTEGER NOT NULL,
    "decided90" INTEGER NOT NULL,
    "p25Days" DOUBLE PRECISION,
    "medianDays" DOUBLE PRECISION,
    "p75Days" DOUBLE PRECISION,
    "perDay" DOUBLE PRECISION NOT NULL,
    "refreshedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PerformanceNow_pkey" PRIMARY KEY ("scope","scopeId")
);

-- CreateTable
CREATE TABLE "PerformanceStage" (
    "serviceId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "samples" INTEGER NOT NULL,
    "p50Days" DOUBLE PRECISION NOT NULL,
    "p75Days" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "PerformanceStage_pkey" PRIMARY KEY ("serviceId","position")
);

-- CreateTable
CREATE TABLE "PerformanceRefresh" (
    "id" INTEGER NOT NULL,
    "watermark" TIMESTAMP(3) NOT NULL,
    "refreshedAt" TIMESTAMP(3) NOT NULL,
    "tookMs" INTEGER NOT NULL,
    "fullAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PerformanceRefresh_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PerformanceFact_submittedMonth_idx" ON "PerformanceFact"("submittedMonth");

-- CreateIndex
CREATE INDEX "PerformanceFact_decidedMonth_idx" ON "PerformanceFact"("decidedMonth");

-- CreateIndex
CREATE INDEX "PerformanceFact_serviceId_decidedDay_idx" ON "PerformanceFact"("serviceId", "decidedDay");

-- CreateIndex
CREATE INDEX "PerformanceStageFact_serviceId_completedDay_idx" ON "PerformanceStageFact"("serviceId", "completedDay");

-- CreateIndex
CREATE INDEX "Application_submittedAt_idx" ON "Application"("submittedAt");

-- CreateIndex
CREATE INDEX "Application_decidedAt_idx" ON "Application"("decidedAt");
