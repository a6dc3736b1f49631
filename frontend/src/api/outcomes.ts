import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { components } from "@cyd/client";
import { api } from "./client";
import { unwrap } from "./problem";

type S = components["schemas"];
export type Indicator = S["IndicatorPublic"];
export type IndicatorCreate = S["IndicatorCreate"];
export type IndicatorUpdate = S["IndicatorUpdate"];
export type IndicatorUnit = S["IndicatorUnit"];
export type Direction = S["Direction"];
export type IndicatorSeries = S["IndicatorSeries"];
export type SeriesPoint = S["SeriesPoint"];
export type MeasurementCreate = S["MeasurementCreate"];

export const UNITS: IndicatorUnit[] = ["percent", "count", "people", "score", "gbp", "days", "hours", "ratio", "other"];
export const DIRECTIONS: Direction[] = ["increase", "decrease", "maintain"];

const indicatorsKey = (initiativeId: string) => ["outcomes", "indicators", initiativeId] as const;
const seriesKey = (indicatorId: string) => ["outcomes", "series", indicatorId] as const;

export function useIndicators(initiativeId: string) {
  return useQuery({
    queryKey: indicatorsKey(initiativeId),
    queryFn: () => unwrap(api.GET("/api/v1/initiatives/{initiative_id}/indicators", { params: { path: { initiative_id: initiativeId } } })),
  });
}

export function useSeries(indicatorId: string) {
  return useQuery({
    queryKey: seriesKey(indicatorId),
    queryFn: () => unwrap(api.GET("/api/v1/indicators/{indicator_id}/series", { params: { path: { indicator_id: indicatorId } } })),
  });
}

export function useCreateIndicator(initiativeId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: IndicatorCreate) =>
      unwrap(api.POST("/api/v1/initiatives/{initiative_id}/indicators", { params: { path: { initiative_id: initiativeId } }, body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: indicatorsKey(initiativeId) }),
  });
}

export function useUpdateIndicator(initiativeId: string, indicatorId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: IndicatorUpdate) =>
      unwrap(api.PATCH("/api/v1/indicators/{indicator_id}", { params: { path: { indicator_id: indicatorId } }, body })),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: indicatorsKey(initiativeId) });
      void qc.invalidateQueries({ queryKey: seriesKey(indicatorId) });
    },
  });
}

export function useRecordMeasurement(initiativeId: string, indicatorId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: MeasurementCreate) =>
      unwrap(api.POST("/api/v1/indicators/{indicator_id}/measurements", { params: { path: { indicator_id: indicatorId } }, body })),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: indicatorsKey(initiativeId) });
      void qc.invalidateQueries({ queryKey: seriesKey(indicatorId) });
    },
  });
}
