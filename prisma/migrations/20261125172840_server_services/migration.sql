-- AlterTable
ALTER TABLE "servers" ADD COLUMN     "services" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "servicesLearnedAt" TIMESTAMPTZ(3);
