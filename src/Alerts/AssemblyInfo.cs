namespace SocialWatch.Alerts;
