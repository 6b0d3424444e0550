module example.com/consumer

go 1.21

require example.com/voice-status-codes/generated/go v0.0.0
