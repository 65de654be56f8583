/** Which imported datasets use which registered files, so that an upload is deleted when the last dataset made from it is closed. */
export class FileUses {
  private readonly byDataset = new Map<string, string[]>();

  /** Record that dataset `summary.id` was made from `fileIds`; returns the summary unchanged. */
  imported<T extends { id: string }>(summary: T, fileIds: string[]): T {
    this.byDataset.set(summary.id, fileIds);
    return summary;
  }

  /** Forget a dataset; returns the files no other dataset uses any more (to release). */
  removed(datasetId: string): string[] {
    const fileIds = this.byDataset.get(datasetId) ?? [];
    this.byDataset.delete(datasetId);
    const stillUsed = new Set([...this.byDataset.values()].flat());
    return fileIds.filter((id) => !stillUsed.has(id));
  }
}
