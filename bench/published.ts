/** Published full-ranking numbers on the same files (BENCHMARKS.md), shown beside ours. */
export const PUBLISHED: Record<
  string,
  { model: string; 'HR@10': number; 'NDCG@10': number; source: string }[]
> = {
  Beauty: [
    { model: 'Popularity', 'HR@10': 0.0152, 'NDCG@10': 0.0068, source: 'S3-Rec paper' },
    { model: 'SASRec (BCE, 1 negative)', 'HR@10': 0.0605, 'NDCG@10': 0.0318, source: 'S3-Rec paper' },
    { model: 'ICLRec', 'HR@10': 0.0744, 'NDCG@10': 0.0403, source: 'salesforce/ICLRec README' },
    { model: 'SASRec with sampled softmax', 'HR@10': 0.0921, 'NDCG@10': 0.0531, source: 'eSASRec benchmark' },
    { model: 'ICSRec', 'HR@10': 0.0959, 'NDCG@10': 0.0578, source: 'QinHsiu/ICSRec' },
  ],
  Sports_and_Outdoors: [
    { model: 'Popularity', 'HR@10': 0.0094, 'NDCG@10': 0.0053, source: 'S3-Rec paper' },
    { model: 'SASRec (BCE)', 'HR@10': 0.035, 'NDCG@10': 0.0192, source: 'S3-Rec paper' },
    { model: 'ICLRec', 'HR@10': 0.0437, 'NDCG@10': 0.0238, source: 'ICLRec README' },
    { model: 'SASRec with sampled softmax', 'HR@10': 0.0569, 'NDCG@10': 0.0314, source: 'eSASRec benchmark' },
    { model: 'ICSRec', 'HR@10': 0.0565, 'NDCG@10': 0.0335, source: 'ICSRec' },
  ],
};
