// LocalRedis
