namespace SocialWatch.Ingest;
